import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ScheduleTemplate } from '@careloop/contracts';
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartmentRefName } from '../hooks/use-department-ref-name';
import { feeText, weekdayKey, WEEKDAYS } from '../lib/schedule';

/** A doctor's weekly templates in seven columns, Monday first; each session can be edited or deleted. */
export function WeekGrid({
  templates,
  onAdd,
  onEdit,
  onDelete,
  deleting,
}: {
  templates: readonly ScheduleTemplate[];
  onAdd: (weekday: number) => void;
  onEdit: (template: ScheduleTemplate) => void;
  onDelete: (template: ScheduleTemplate) => void;
  deleting: string | null;
}) {
  const { t, i18n } = useTranslation();
  const departmentRefName = useDepartmentRefName();
  const departmentName = (template: ScheduleTemplate) => departmentRefName(template.department);

  return (
    <div className="week-grid" data-testid="schedule-week">
      {WEEKDAYS.map((weekday) => {
        const day = templates
          .filter((tpl) => tpl.weekday === weekday)
          .sort((a, b) => a.startTime.localeCompare(b.startTime));
        const heading = `week-day-${weekday}`;
        return (
          <section
            key={weekday}
            className="week-day"
            aria-labelledby={heading}
            data-testid="schedule-day"
            data-weekday={weekday}
          >
            <div className="week-day__head">
              <h3 id={heading} className="week-day__title">
                {t(`scheduling.weekdays.${weekdayKey(weekday)}`)}
              </h3>
              <Button
                size="small"
                type="text"
                icon={<PlusOutlined aria-hidden />}
                aria-label={`${t('scheduling.schedules.add')} · ${t(`scheduling.weekdays.${weekdayKey(weekday)}`)}`}
                onClick={() => onAdd(weekday)}
                data-testid="schedule-add-day"
              />
            </div>
            {day.length === 0 ? (
              <p className="muted week-day__none">{t('scheduling.schedules.none')}</p>
            ) : (
              <ul className="week-day__list">
                {day.map((tpl) => {
                  const names = {
                    weekday: t(`scheduling.weekdays.${weekdayKey(weekday)}`),
                    start: tpl.startTime,
                    end: tpl.endTime,
                  };
                  return (
                    <li
                      key={tpl.id}
                      className={`week-session week-session--${tpl.mode}`}
                      data-testid="schedule-template"
                      data-template-id={tpl.id}
                    >
                      <strong className="week-session__time">
                        {tpl.startTime}–{tpl.endTime}
                      </strong>
                      <span>{t(`scheduling.modes.${tpl.mode}`)}</span>
                      <span className="muted">
                        {t('scheduling.schedules.slotsCapacity', {
                          minutes: tpl.slotMinutes,
                          capacity: tpl.capacity,
                        })}
                      </span>
                      <span>{feeText(tpl.feeFen, i18n.language)}</span>
                      {departmentName(tpl) ? <span className="muted">{departmentName(tpl)}</span> : null}
                      <span className="muted">
                        {tpl.validUntil
                          ? t('scheduling.schedules.validRange', {
                              from: tpl.validFrom,
                              until: tpl.validUntil,
                            })
                          : t('scheduling.schedules.validFrom', { date: tpl.validFrom })}
                      </span>
                      <span className="week-session__actions">
                        <Button
                          size="small"
                          icon={<EditOutlined aria-hidden />}
                          aria-label={t('scheduling.schedules.editTemplate', names)}
                          onClick={() => onEdit(tpl)}
                          data-testid="schedule-edit"
                        />
                        <Popconfirm
                          title={t('scheduling.schedules.deleteConfirm')}
                          okText={t('common.remove')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => onDelete(tpl)}
                        >
                          <Button
                            size="small"
                            danger
                            icon={<DeleteOutlined aria-hidden />}
                            aria-label={t('scheduling.schedules.deleteTemplate', names)}
                            loading={deleting === tpl.id}
                            data-testid="schedule-delete"
                          />
                        </Popconfirm>
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
