import { MedicineBoxOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useStaffMe } from '../../auth/hooks/use-me';
import { PrescribeDrawer } from './PrescribeDrawer';

/** 开处方: for doctors, from the consultation workspace or the patient's page. */
export function PrescribeButton(props: {
  patientId: string;
  consultationId?: string;
  appointmentId?: string;
}) {
  const { t } = useTranslation();
  const me = useStaffMe();
  const [open, setOpen] = useState(false);
  if (!hasAnyRole(me, ['doctor'])) return null;
  return (
    <>
      <Button icon={<MedicineBoxOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="rx-open">
        {t('pharmacy.prescribe.button')}
      </Button>
      {open ? <PrescribeDrawer {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
