import { SendOutlined } from '@ant-design/icons';
import {
  REFERRAL_SECTIONS,
  type CreateReferralBody,
  type ReferralSection,
  type ReferralUrgency,
} from '@careloop/contracts';
import { App, Button, Checkbox, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { hasAnyRole, useStaffMe } from '../../auth/hooks/use-me';
import { referralsApi } from '../api/referrals-api';
import { useReferralTargets } from '../hooks/use-referrals';
import { REFERRAL_ROLES } from '../roles';

type Kind = 'organization' | 'department' | 'doctor';

interface Values {
  kind: Kind;
  orgId: string;
  departmentId?: string;
  accountId?: string;
  reason: string;
  urgency: ReferralUrgency;
  sections: ReferralSection[];
  windowFrom?: string;
  windowTo?: string;
}

function bodyOf(patientId: string, v: Values): CreateReferralBody {
  const target =
    v.kind === 'doctor'
      ? { kind: 'doctor' as const, orgId: v.orgId, accountId: v.accountId ?? '' }
      : v.kind === 'department'
        ? { kind: 'department' as const, orgId: v.orgId, departmentId: v.departmentId ?? '' }
        : { kind: 'organization' as const, orgId: v.orgId };
  return {
    patientId,
    target,
    reason: v.reason,
    urgency: v.urgency,
    sections: v.sections,
    windowFrom: v.windowFrom || null,
    windowTo: v.windowTo || null,
  };
}

/** 转诊 from the patient's page: where to, why, how urgent, and which parts of the record the patient is asked to share. */
export function ReferPatientButton({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useStaffMe();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const targets = useReferralTargets(open);
  const kind = Form.useWatch('kind', form) ?? 'department';
  const orgId = Form.useWatch('orgId', form);
  const org = targets.data?.orgs.find((o) => o.id === orgId);
  if (!hasAnyRole(me, REFERRAL_ROLES)) return null;
  const required = [{ required: true, message: t('referrals.actions.required') }];

  async function submit(values: Values) {
    setBusy(true);
    try {
      const referral = await referralsApi.create(bodyOf(patientId, values));
      void message.success(t('referrals.create.created'));
      setOpen(false);
      void navigate(`/referrals/${referral.id}`);
    } catch (error) {
      if (!applyFieldErrors(form, error)) void message.error(problemText(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button icon={<SendOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="refer-patient">
        {t('referrals.create.button')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('referrals.create.title')}
        size="large"
        destroyOnHidden
        extra={
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="refer-submit">
            {t('referrals.create.submit')}
          </Button>
        }
      >
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{
            kind: 'department',
            urgency: 'routine',
            sections: ['problems', 'medications', 'allergies'],
          }}
        >
          <Form.Item name="kind" label={t('referrals.create.targetKind')} rules={required}>
            <Radio.Group
              optionType="button"
              options={(['organization', 'department', 'doctor'] as const).map((k) => ({
                value: k,
                label: t(`referrals.create.kinds.${k}`),
              }))}
              data-testid="refer-kind"
            />
          </Form.Item>
          <Form.Item name="orgId" label={t('referrals.create.org')} rules={required}>
            <Select
              loading={targets.isPending}
              data-testid="refer-org"
              onChange={() => form.setFieldsValue({ departmentId: undefined, accountId: undefined })}
              options={(targets.data?.orgs ?? []).map((o) => ({
                value: o.id,
                label: `${o.name}${o.own ? t('referrals.create.own') : ''}`,
              }))}
            />
          </Form.Item>
          {kind === 'department' && (
            <Form.Item name="departmentId" label={t('referrals.create.department')} rules={required}>
              <Select
                data-testid="refer-department"
                disabled={!org}
                options={(org?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          )}
          {kind === 'doctor' && (
            <Form.Item name="accountId" label={t('referrals.create.doctor')} rules={required}>
              <Select
                data-testid="refer-doctor"
                disabled={!org}
                showSearch={{ optionFilterProp: 'label' }}
                options={(org?.doctors ?? []).map((d) => ({
                  value: d.id,
                  label: [d.name, d.title, org?.departments.find((x) => x.id === d.departmentId)?.name]
                    .filter(Boolean)
                    .join(' · '),
                }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('referrals.create.reason')}
            rules={[{ ...required[0], whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="refer-reason" />
          </Form.Item>
          <Form.Item name="urgency" label={t('referrals.create.urgency')}>
            <Radio.Group
              options={(['routine', 'urgent', 'emergency'] as const).map((u) => ({
                value: u,
                label: t(`referrals.urgency.${u}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="sections"
            label={t('referrals.create.sections')}
            extra={t('referrals.create.sectionsHint')}
          >
            <Checkbox.Group
              data-testid="refer-sections"
              options={REFERRAL_SECTIONS.map((s) => ({ value: s, label: t(`referrals.sections.${s}`) }))}
            />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="windowFrom" label={t('referrals.create.windowFrom')}>
              <Input type="date" data-testid="refer-window-from" />
            </Form.Item>
            <Form.Item name="windowTo" label={t('referrals.create.windowTo')}>
              <Input type="date" data-testid="refer-window-to" />
            </Form.Item>
          </Space>
          <p className="muted">{t('referrals.create.windowHint')}</p>
        </Form>
      </Drawer>
    </>
  );
}
