import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../admin/hooks/use-admin';
import { departmentLabel } from '../../admin/hooks/use-department-name';

/**
 * A department named in a scheduling answer, in the current language: the answer's name was localized when it was
 * fetched, which may have been before the language changed.
 */
export function useDepartmentRefName() {
  const { i18n } = useTranslation();
  const { data } = useDepartments();
  return useCallback(
    (ref: { id: string; name: string } | null): string | null => {
      if (!ref) return null;
      const known = data?.find((d) => d.id === ref.id);
      return known ? departmentLabel(known, i18n.language) : ref.name;
    },
    [data, i18n.language],
  );
}
