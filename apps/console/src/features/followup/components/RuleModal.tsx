import type {
  FollowUpKind,
  FollowUpPriority,
  FollowUpRule,
  FollowUpRuleInput,
  ObservationFlagCode,
} from '@careloop/contracts';
import { Alert, App, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { AnalytePicker } from '../../checkups/components/AnalytePicker';
import { useAnalytes } from '../../checkups/hooks/use-mappings';
import { flagArrow } from '../../checkups/lib/checkup-format';
import { useSaveRule } from '../hooks/use-rules';
import { conditionFrom, conditionProblem } from '../lib/rule-condition';

const KINDS: readonly FollowUpKind[] = ['retest', 'lifestyle', 'referral', 'alert'];
const PRIORITIES: readonly FollowUpPriority[] = ['routine', 'soon', 'urgent', 'critical'];
const FLAGS: readonly ObservationFlagCode[] = ['H', 'L', 'HH', 'LL', 'A', 'N'];
const ANY_ITEM = '*';

interface Values {
  name: { zh: string; en: string };
  code: string;
  unit?: string;
  condition: { min?: number | null; max?: number | null; flags?: ObservationFlagCode[] };
  kind: FollowUpKind;
  priority: FollowUpPriority;
  dueInDays: number;
  department?: string;
  advice: { zh: string; en: string };
  notifyPatient: boolean;
  active: boolean;
}

function initialValues(rule: FollowUpRule | null): Partial<Values> {
  if (!rule) {
    return {
      kind: 'retest',
      priority: 'routine',
      dueInDays: 90,
      notifyPatient: true,
      active: true,
      condition: {},
    };
  }
  return {
    name: rule.name,
    code: rule.code,
    unit: rule.unit ?? undefined,
    condition: { min: rule.condition.min, max: rule.condition.max, flags: rule.condition.flags },
    kind: rule.kind,
    priority: rule.priority,
    dueInDays: rule.dueInDays,
    department: rule.department ?? undefined,
    advice: rule.advice,
    notifyPatient: rule.notifyPatient,
    active: rule.active,
  };
}

/** Creates or edits a follow-up rule, checking the condition as the server will before sending it. */
export function RuleModal({ rule, onClose }: { rule: FollowUpRule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveRule();
  const analytes = useAnalytes();
  const [problem, setProblem] = useState<string | null>(null);
  const code = Form.useWatch('code', form);
  const anyItem = code === ANY_ITEM;
  const required = { required: true, whitespace: true, message: t('followUpRules.required') };

  // The condition's two rules (a range or flags; min below max), as validators next to their fields.
  const maxRule: Rule = ({ getFieldValue }) => ({
    validator: async (_, max: number | null | undefined) => {
      const min = getFieldValue(['condition', 'min']) as number | null | undefined;
      if (typeof min === 'number' && typeof max === 'number' && min >= max) {
        throw new Error(t('followUpRules.minNotBelowMax'));
      }
    },
  });
  const flagsRule: Rule = ({ getFieldValue }) => ({
    validator: async (_, flags: ObservationFlagCode[] | undefined) => {
      const condition = conditionFrom({
        min: getFieldValue(['condition', 'min']) as number | null,
        max: getFieldValue(['condition', 'max']) as number | null,
        flags,
      });
      if (getFieldValue('code') === ANY_ITEM && !condition.flags)
        throw new Error(t('followUpRules.anyItemNeedsFlags'));
      if (conditionProblem(condition) === 'condition_empty')
        throw new Error(t('followUpRules.conditionEmpty'));
    },
  });

  async function submit(values: Values) {
    setProblem(null);
    const input: FollowUpRuleInput = {
      name: { zh: values.name.zh.trim(), en: values.name.en.trim() },
      code: values.code,
      codeSystem: 'loinc',
      unit: values.code === ANY_ITEM ? undefined : values.unit?.trim() || undefined,
      condition: conditionFrom(
        values.code === ANY_ITEM ? { flags: values.condition.flags } : values.condition,
      ),
      kind: values.kind,
      priority: values.priority,
      dueInDays: values.dueInDays,
      department: values.department?.trim() || undefined,
      advice: { zh: values.advice.zh.trim(), en: values.advice.en.trim() },
      notifyPatient: values.notifyPatient,
      active: values.active,
    };
    try {
      if (rule) await save.mutateAsync({ ruleId: rule.id, input: { ...input, version: rule.version } });
      else await save.mutateAsync({ ruleId: null, input });
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409 && rule) {
        void message.warning(t('errors.versionConflict'));
        onClose();
        return;
      }
      if (!applyFieldErrors(form, error)) setProblem(problemText(error, t));
    }
  }

  function fillUnit(loinc: string) {
    const unit = analytes.data?.find((a) => a.loinc === loinc)?.unit;
    if (unit && !form.getFieldValue('unit')) form.setFieldValue('unit', unit);
  }

  return (
    <Modal
      open
      title={rule ? t('followUpRules.editTitle') : t('followUpRules.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={760}
      okButtonProps={{ 'data-testid': 'rule-save' }}
    >
      {problem ? <Alert type="error" showIcon role="alert" title={problem} className="form-alert" /> : null}
      <Form<Values>
        form={form}
        name="follow-up-rule"
        layout="vertical"
        initialValues={initialValues(rule)}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('followUpRules.nameZh')} name={['name', 'zh']} rules={[required]}>
              <Input maxLength={80} lang="zh-CN" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('followUpRules.nameEn')} name={['name', 'en']} rules={[required]}>
              <Input maxLength={80} lang="en" />
            </Form.Item>
          </Col>
        </Row>
        <fieldset className="form-fieldset">
          <legend>{t('followUpRules.when')}</legend>
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item
                label={t('followUpRules.item')}
                name="code"
                rules={[{ required: true, message: t('followUpRules.itemRequired') }]}
              >
                <AnalytePicker
                  extraOptions={[{ value: ANY_ITEM, label: t('followUpRules.anyItem') }]}
                  onChange={(value) => {
                    if (typeof value === 'string') fillUnit(value);
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('followUpRules.unit')} name="unit" extra={t('followUpRules.unitHelp')}>
                <Input maxLength={20} disabled={anyItem} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('followUpRules.min')}
                name={['condition', 'min']}
                extra={t('followUpRules.minHelp')}
              >
                <InputNumber className="full-width" disabled={anyItem} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('followUpRules.max')}
                name={['condition', 'max']}
                extra={t('followUpRules.maxHelp')}
                dependencies={[['condition', 'min']]}
                rules={[maxRule]}
              >
                <InputNumber className="full-width" disabled={anyItem} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label={t('followUpRules.flags')}
            name={['condition', 'flags']}
            extra={t('followUpRules.flagsHelp')}
            dependencies={[['condition', 'min'], ['condition', 'max'], 'code']}
            rules={[flagsRule]}
          >
            <Checkbox.Group
              options={FLAGS.map((flag) => ({
                value: flag,
                label: `${flagArrow(flag)} ${t(`checkupReport.flags.${flag}`)}`.trim(),
              }))}
            />
          </Form.Item>
        </fieldset>
        <fieldset className="form-fieldset">
          <legend>{t('followUpRules.then')}</legend>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={t('followUpRules.kind')} name="kind" rules={[{ required: true }]}>
                <Select options={KINDS.map((k) => ({ value: k, label: t(`followUp.kinds.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('followUp.priorityLabel')} name="priority" rules={[{ required: true }]}>
                <Select options={PRIORITIES.map((p) => ({ value: p, label: t(`followUp.priority.${p}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label={t('followUpRules.dueInDays')}
                name="dueInDays"
                rules={[
                  {
                    required: true,
                    type: 'integer',
                    min: 0,
                    max: 730,
                    message: t('followUpRules.dueInDaysInvalid'),
                  },
                ]}
              >
                <InputNumber
                  min={0}
                  max={730}
                  precision={0}
                  suffix={t('followUpRules.days')}
                  className="full-width"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('followUpRules.department')} name="department">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item label={t('followUpRules.adviceZh')} name={['advice', 'zh']} rules={[required]}>
            <Input.TextArea rows={3} maxLength={400} showCount lang="zh-CN" />
          </Form.Item>
          <Form.Item label={t('followUpRules.adviceEn')} name={['advice', 'en']} rules={[required]}>
            <Input.TextArea rows={3} maxLength={400} showCount lang="en" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={12}>
              <Form.Item
                label={t('followUpRules.notifyPatient')}
                name="notifyPatient"
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item label={t('followUpRules.active')} name="active" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        </fieldset>
      </Form>
    </Modal>
  );
}
