import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDoctors } from '../hooks/use-doctors';

/** Picks one of the org's doctors; with `allLabel`, also "all doctors" (value undefined). */
export function DoctorSelect({
  id,
  value,
  onChange,
  allLabel,
  testId,
}: {
  id: string;
  value: string | undefined;
  onChange: (doctorId: string | undefined) => void;
  allLabel?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const { doctors, isPending } = useDoctors();
  const options = [
    ...(allLabel ? [{ value: '', label: allLabel }] : []),
    ...doctors.map((d) => ({ value: d.id, label: d.title ? `${d.name} · ${d.title}` : d.name })),
  ];
  return (
    <Select
      id={id}
      className="scheduling-select"
      value={value ?? (allLabel ? '' : undefined)}
      placeholder={t('scheduling.schedules.pickDoctor')}
      loading={isPending}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      onChange={(next: string) => onChange(next || undefined)}
      data-testid={testId}
    />
  );
}
