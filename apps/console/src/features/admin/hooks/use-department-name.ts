import type { Department } from '@careloop/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from './use-admin';

/** A department's name in the current language, looked up by id. */
export function useDepartmentName() {
  const { i18n } = useTranslation();
  const { data } = useDepartments();
  return useCallback(
    (id: string | null | undefined): string | null => {
      const department = data?.find((d) => d.id === id);
      return department ? departmentLabel(department, i18n.language) : null;
    },
    [data, i18n.language],
  );
}

export function departmentLabel(department: Department, language: string): string {
  return language === 'en-US' ? department.nameEn : department.nameZh;
}
