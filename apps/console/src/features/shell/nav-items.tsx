import {
  AlertOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  FieldNumberOutlined,
  SolutionOutlined,
  BellOutlined,
  CommentOutlined,
  MessageOutlined,
  FundOutlined,
  MonitorOutlined,
  NotificationOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  GoldOutlined,
  NodeIndexOutlined,
  ScheduleOutlined,
  SendOutlined,
  ApartmentOutlined,
  DashboardOutlined,
  MailOutlined,
  SafetyOutlined,
  TeamOutlined,
  UserOutlined,
  WarningOutlined,
  MedicineBoxOutlined,
  ExperimentOutlined,
  ShoppingCartOutlined,
  FrownOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import type { Me } from '@careloop/contracts';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ADMIN_ROLES, AUDIT_ROLES, PATIENT_ROLES } from '../auth/roles';
import {
  CHECKUP_IMPORT_ROLES,
  CHECKUP_MAPPING_ROLES,
  CHECKUP_PACKAGE_ROLES,
  FOLLOW_UP_ROLES,
  FOLLOW_UP_RULE_ROLES,
  MONITORING_ROLES,
  MONITORING_SETTINGS_ROLES,
} from '../auth/roles';
import { hasAnyRole } from '../auth/hooks/use-me';
import { AlertsNavLabel } from '../monitoring/components/AlertsNavLabel';
import { ConsultationsNavLabel } from '../consultations/components/ConsultationsNavLabel';
import { CONSULT_ROLES, CONSULT_SETTINGS_ROLES } from '../consultations/roles';
import { APPOINTMENT_ROLES, QUEUE_ROLES, SCHEDULE_EDIT_ROLES } from '../scheduling/roles';
import { REFERRAL_ROLES } from '../referrals/roles';
import { DISPENSING_ROLES, REACTION_ROLES } from '../dispensing/roles';
import { FORMULARY_ROLES, REVIEW_ROLES } from '../pharmacy-review/roles';

type MenuItem = Required<MenuProps>['items'][number];

function link(path: string, label: ReactNode, icon: ReactNode, testId?: string): MenuItem {
  return {
    key: path,
    icon,
    label: (
      <Link to={path} data-testid={testId}>
        {label}
      </Link>
    ),
  };
}

/** The left menu for this person's roles: nobody is shown a page their role cannot open. */
export function navItems(me: Me, t: TFunction): MenuItem[] {
  const items: MenuItem[] = [
    link('/', t('nav.workbench'), <DashboardOutlined aria-hidden />, 'nav-workbench'),
  ];
  if (hasAnyRole(me, PATIENT_ROLES)) {
    items.push(link('/patients', t('nav.patients'), <TeamOutlined aria-hidden />, 'nav-patients'));
  }
  if (hasAnyRole(me, CONSULT_ROLES)) {
    items.push(
      link('/consultations', <ConsultationsNavLabel />, <MessageOutlined aria-hidden />, 'nav-consultations'),
    );
  }
  if (hasAnyRole(me, REFERRAL_ROLES)) {
    items.push(link('/referrals', t('referrals.nav'), <SendOutlined aria-hidden />, 'nav-referrals'));
  }
  if (hasAnyRole(me, REVIEW_ROLES)) {
    items.push(
      link(
        '/pharmacy/reviews',
        t('pharmacy.nav.reviews'),
        <MedicineBoxOutlined aria-hidden />,
        'nav-pharmacy-reviews',
      ),
    );
  }
  if (hasAnyRole(me, FORMULARY_ROLES)) {
    items.push(
      link(
        '/pharmacy/formulary',
        t('pharmacy.nav.formulary'),
        <ExperimentOutlined aria-hidden />,
        'nav-formulary',
      ),
    );
  }
  if (hasAnyRole(me, DISPENSING_ROLES)) {
    items.push(
      link(
        '/pharmacy/dispensing',
        t('medication.nav.dispensing'),
        <ShoppingCartOutlined aria-hidden />,
        'nav-dispensing',
      ),
    );
  }
  if (hasAnyRole(me, REACTION_ROLES)) {
    items.push(
      link('/reactions', t('medication.nav.reactions'), <FrownOutlined aria-hidden />, 'nav-reactions'),
      link('/refills', t('medication.nav.refills'), <ReloadOutlined aria-hidden />, 'nav-refills'),
    );
  }
  if (hasAnyRole(me, FOLLOW_UP_ROLES)) {
    items.push(link('/followup', t('followUp.nav'), <ScheduleOutlined aria-hidden />, 'nav-followup'));
  }
  if (hasAnyRole(me, MONITORING_ROLES)) {
    items.push(
      link('/alerts', <AlertsNavLabel />, <BellOutlined aria-hidden />, 'nav-alerts'),
      link('/monitoring', t('monitoring.nav.board'), <FundOutlined aria-hidden />, 'nav-monitoring'),
    );
  }
  const scheduling: MenuItem[] = [];
  if (hasAnyRole(me, QUEUE_ROLES)) {
    scheduling.push(
      link('/queue', t('scheduling.nav.queue'), <FieldNumberOutlined aria-hidden />, 'nav-queue'),
    );
  }
  if (hasAnyRole(me, APPOINTMENT_ROLES)) {
    scheduling.push(
      link(
        '/appointments',
        t('scheduling.nav.appointments'),
        <CalendarOutlined aria-hidden />,
        'nav-appointments',
      ),
      link('/front-desk', t('scheduling.nav.desk'), <SolutionOutlined aria-hidden />, 'nav-front-desk'),
    );
  }
  if (hasAnyRole(me, SCHEDULE_EDIT_ROLES)) {
    scheduling.push(
      link('/schedules', t('scheduling.nav.schedules'), <CarryOutOutlined aria-hidden />, 'nav-schedules'),
    );
  }
  if (scheduling.length > 0)
    items.push({ type: 'group', key: 'scheduling', label: t('scheduling.nav.group'), children: scheduling });
  const checkups: MenuItem[] = [];
  if (hasAnyRole(me, CHECKUP_IMPORT_ROLES)) {
    checkups.push(
      link(
        '/checkups/import',
        t('checkupNav.import'),
        <CloudUploadOutlined aria-hidden />,
        'nav-checkup-import',
      ),
    );
  }
  if (hasAnyRole(me, CHECKUP_MAPPING_ROLES)) {
    checkups.push(
      link(
        '/checkups/mappings',
        t('checkupNav.mappings'),
        <NodeIndexOutlined aria-hidden />,
        'nav-checkup-mappings',
      ),
    );
  }
  if (hasAnyRole(me, CHECKUP_PACKAGE_ROLES)) {
    checkups.push(
      link(
        '/checkups/packages',
        t('checkupNav.packages'),
        <GoldOutlined aria-hidden />,
        'nav-checkup-packages',
      ),
    );
  }
  if (checkups.length > 0)
    items.push({ type: 'group', key: 'checkups', label: t('checkupNav.group'), children: checkups });
  const admin: MenuItem[] = [];
  if (hasAnyRole(me, ADMIN_ROLES)) {
    admin.push(
      link('/admin/staff', t('nav.staff'), <UserOutlined aria-hidden />, 'nav-staff'),
      link('/admin/departments', t('nav.departments'), <ApartmentOutlined aria-hidden />, 'nav-departments'),
      link('/admin/invitations', t('nav.invitations'), <MailOutlined aria-hidden />, 'nav-invitations'),
      link('/admin/break-glass', t('nav.breakGlass'), <WarningOutlined aria-hidden />, 'nav-break-glass'),
    );
  }
  if (hasAnyRole(me, FOLLOW_UP_RULE_ROLES)) {
    admin.push(
      link(
        '/admin/followup-rules',
        t('followUpRules.nav'),
        <AlertOutlined aria-hidden />,
        'nav-followup-rules',
      ),
    );
  }
  if (hasAnyRole(me, MONITORING_SETTINGS_ROLES)) {
    admin.push(
      link(
        '/admin/monitoring',
        t('monitoring.nav.settings'),
        <MonitorOutlined aria-hidden />,
        'nav-monitoring-settings',
      ),
    );
  }
  if (hasAnyRole(me, CONSULT_SETTINGS_ROLES)) {
    admin.push(
      link(
        '/admin/consultations',
        t('consult.settingsNav'),
        <CommentOutlined aria-hidden />,
        'nav-consultation-settings',
      ),
    );
  }
  if (hasAnyRole(me, ADMIN_ROLES)) {
    admin.push(
      link(
        '/admin/notifications',
        t('deliveryLog.nav'),
        <NotificationOutlined aria-hidden />,
        'nav-deliveries',
      ),
    );
  }
  if (hasAnyRole(me, AUDIT_ROLES)) {
    admin.push(link('/admin/audit', t('nav.audit'), <AuditOutlined aria-hidden />, 'nav-audit'));
  }
  if (admin.length > 0) items.push({ type: 'group', key: 'admin', label: t('nav.admin'), children: admin });
  items.push({
    type: 'group',
    key: 'account',
    label: t('nav.account'),
    children: [
      link('/account/security', t('nav.security'), <SafetyOutlined aria-hidden />, 'nav-security'),
      link(
        '/account/notifications',
        t('notifySettings.nav'),
        <BellOutlined aria-hidden />,
        'nav-notify-settings',
      ),
    ],
  });
  return items;
}

const NAV_PATHS = [
  '/queue',
  '/appointments',
  '/front-desk',
  '/schedules',
  '/patients',
  '/consultations',
  '/admin/consultations',
  '/followup',
  '/alerts',
  '/monitoring',
  '/admin/monitoring',
  '/checkups/import',
  '/checkups/mappings',
  '/checkups/packages',
  '/admin/followup-rules',
  '/admin/staff',
  '/admin/departments',
  '/admin/invitations',
  '/admin/break-glass',
  '/admin/audit',
  '/admin/notifications',
  '/account/security',
  '/account/notifications',
  '/pharmacy/dispensing',
  '/reactions',
  '/refills',
];

/** The menu key to highlight for a path: the menu path it is, or lies under. */
export function selectedKeyFor(pathname: string): string {
  return NAV_PATHS.find((key) => pathname === key || pathname.startsWith(`${key}/`)) ?? '/';
}
