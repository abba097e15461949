import type { CheckupPackage } from '@careloop/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useSavePackage } from '../hooks/use-packages';
import { centsToYuan, yuanToCents } from '../lib/price';
import { AnalytePicker } from './AnalytePicker';

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  itemCodes: string[];
  priceYuan: number | null;
  active: boolean;
}

/** Creates a package (pkg null) or edits one against the version shown. */
export function PackageModal({ pkg, onClose }: { pkg: CheckupPackage | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePackage();
  const [problem, setProblem] = useState<string | null>(null);
  const required = { required: true, whitespace: true, message: t('checkupPackages.required') };

  async function submit(values: Values) {
    setProblem(null);
    const common = {
      nameZh: values.nameZh.trim(),
      nameEn: values.nameEn.trim(),
      itemCodes: values.itemCodes ?? [],
      priceCents: yuanToCents(values.priceYuan),
      active: values.active,
    };
    try {
      if (pkg) await save.mutateAsync({ packageId: pkg.id, input: { ...common, version: pkg.version } });
      else await save.mutateAsync({ packageId: null, input: { ...common, code: values.code.trim() } });
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409 && pkg) {
        void message.warning(t('errors.versionConflict'));
        onClose();
        return;
      }
      if (!applyFieldErrors(form, error)) setProblem(problemText(error, t));
    }
  }

  return (
    <Modal
      open
      title={pkg ? t('checkupPackages.editTitle') : t('checkupPackages.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      {problem ? <Alert type="error" showIcon role="alert" title={problem} className="form-alert" /> : null}
      <Form<Values>
        form={form}
        name="checkup-package"
        layout="vertical"
        initialValues={
          pkg
            ? { ...pkg, priceYuan: centsToYuan(pkg.priceCents) }
            : { code: '', nameZh: '', nameEn: '', itemCodes: [], priceYuan: null, active: true }
        }
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          label={t('checkupPackages.code')}
          name="code"
          extra={pkg ? undefined : t('checkupPackages.codeHelp')}
          rules={
            pkg
              ? []
              : [required, { pattern: /^\s*[a-z0-9-]{2,40}\s*$/, message: t('checkupPackages.codeInvalid') }]
          }
        >
          <Input maxLength={40} disabled={pkg !== null} />
        </Form.Item>
        <Form.Item label={t('checkupPackages.nameZh')} name="nameZh" rules={[required]}>
          <Input maxLength={60} lang="zh-CN" />
        </Form.Item>
        <Form.Item label={t('checkupPackages.nameEn')} name="nameEn" rules={[required]}>
          <Input maxLength={80} lang="en" />
        </Form.Item>
        <Form.Item label={t('checkupPackages.items')} name="itemCodes" extra={t('checkupPackages.itemsHelp')}>
          <AnalytePicker multiple data-testid="package-items" />
        </Form.Item>
        <Form.Item label={t('checkupPackages.priceYuan')} name="priceYuan">
          <InputNumber min={0} max={1_000_000} precision={2} step={10} className="full-width" />
        </Form.Item>
        <Form.Item label={t('checkupPackages.active')} name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
