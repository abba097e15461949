import type { CareTeamMember, StaffRole } from '@careloop/contracts';
import { App, Button, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CARE_TEAM_ROLES, type CareTeamRole } from '../../../api/types';
import { problemText } from '../../../lib/problems';
import { useStaffList } from '../../admin/hooks/use-admin';
import { useCareTeamChange } from '../hooks/use-patients';

/** The care-team role a staff member most likely takes, from their staff roles. */
function suggestedRole(roles: readonly StaffRole[]): CareTeamRole {
  if (roles.includes('doctor')) return 'attending';
  if (roles.includes('nurse')) return 'nurse';
  if (roles.includes('health_manager')) return 'health_manager';
  if (roles.includes('pharmacist')) return 'pharmacist';
  return 'other';
}

interface Values {
  staffId: string;
  role: CareTeamRole;
}

export function AddCareTeamMemberForm({
  patientId,
  existing,
}: {
  patientId: string;
  existing: CareTeamMember[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const staff = useStaffList();
  const { add } = useCareTeamChange(patientId);
  const onTeam = new Set(existing.map((m) => m.staffId));
  const options = (staff.data ?? [])
    .filter((s) => s.active && !onTeam.has(s.id))
    .map((s) => ({
      value: s.id,
      label: `${s.name}${s.roles.length ? ` (${s.roles.map((r) => t(`roles.${r}`)).join(', ')})` : ''}`,
    }));

  async function submit(values: Values) {
    try {
      await add.mutateAsync(values);
      const name = staff.data?.find((s) => s.id === values.staffId)?.name ?? '';
      void message.success(t('careTeam.added', { name }));
      form.resetFields();
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  return (
    <Form<Values>
      form={form}
      name="care-team-add"
      layout="vertical"
      className="care-team__add"
      initialValues={{ role: 'attending' }}
      onFinish={(values) => void submit(values)}
    >
      <Form.Item
        label={t('careTeam.staff')}
        name="staffId"
        rules={[{ required: true, message: t('careTeam.staffRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          loading={staff.isPending}
          onChange={(staffId: string) => {
            const chosen = staff.data?.find((s) => s.id === staffId);
            if (chosen) form.setFieldValue('role', suggestedRole(chosen.roles));
          }}
        />
      </Form.Item>
      <Form.Item
        label={t('careTeam.role')}
        name="role"
        rules={[{ required: true, message: t('careTeam.roleRequired') }]}
      >
        <Select
          options={CARE_TEAM_ROLES.map((role) => ({ value: role, label: t(`careTeamRoles.${role}`) }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {t('careTeam.add')}
      </Button>
    </Form>
  );
}
