import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES } from '../../../api/types';
import { useDepartments } from '../hooks/use-admin';
import { departmentLabel } from '../hooks/use-department-name';

/** The roles and department of a staff member: shared by the invitation form and the staff editor. */
export function StaffAssignmentFields({
  rolesLabel,
  departmentLabelText,
}: {
  rolesLabel: string;
  departmentLabelText: string;
}) {
  const { t, i18n } = useTranslation();
  const departments = useDepartments();
  return (
    <>
      <Form.Item
        label={rolesLabel}
        name="roles"
        rules={[{ required: true, type: 'array', min: 1, message: t('staff.rolesRequired') }]}
      >
        <Select
          mode="multiple"
          options={STAFF_ROLES.filter((r) => r !== 'platform_admin').map((role) => ({
            value: role,
            label: t(`roles.${role}`),
          }))}
        />
      </Form.Item>
      <Form.Item label={departmentLabelText} name="departmentId">
        <Select
          allowClear
          loading={departments.isPending}
          options={(departments.data ?? []).map((d) => ({
            value: d.id,
            label: departmentLabel(d, i18n.language),
          }))}
        />
      </Form.Item>
    </>
  );
}
