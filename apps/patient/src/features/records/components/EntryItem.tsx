import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { InlineConfirm } from '../../../ui/InlineConfirm.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { deleteEntry, type AnyEntry, type EntrySection } from '../api/records.api.ts';
import { recordKeys } from '../hooks/record-keys.ts';
import { describeEntry } from './entry-describe.ts';
import { formatDay } from './format.ts';
import { SourceTag } from './RecordTags.tsx';

interface EntryItemProps {
  patientId: string;
  section: EntrySection;
  entry: AnyEntry;
  /** The patient may change only what they reported themselves, and only on their own profiles. */
  editable: boolean;
  onDeleted: () => void;
}

export function EntryItem({ patientId, section, entry, editable, onDeleted }: EntryItemProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const d = describeEntry(section, entry, t, i18n.language);
  const remove = useMutation({
    mutationFn: () => deleteEntry(patientId, section, entry.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recordKeys.all(patientId) });
      onDeleted();
    },
  });
  return (
    <li className="item" data-testid="entry-item" data-source={entry.source}>
      <div className="item-title">
        <span style={d.inactive ? { color: 'var(--cl-muted)' } : undefined}>{d.title}</span>
        {d.status && (
          <Tag color={d.inactive ? 'default' : 'primary'} fill="outline">
            {d.status}
          </Tag>
        )}
      </div>
      {d.details.map((line, i) => (
        <p key={i} className="muted">
          {line}
        </p>
      ))}
      <div className="entry-meta">
        <SourceTag source={entry.source} org={entry.sourceOrg} />
        {entry.recordedBy && <span>{t('entries.recordedBy', { name: entry.recordedBy.name })}</span>}
        <span>{formatDay(entry.createdAt, i18n.language)}</span>
      </div>
      {editable && (
        <div className="entry-actions">
          <Button
            size="small"
            color="primary"
            fill="outline"
            onClick={() => void navigate(`/records/${section}/${entry.id}/edit`)}
            data-testid="entry-edit"
          >
            {t('entries.edit')}
            <span className="sr-only"> {d.title}</span>
          </Button>
          <InlineConfirm
            label={t('entries.delete')}
            question={t('entries.deleteConfirm')}
            onConfirm={() => remove.mutate()}
            busy={remove.isPending}
            testId="entry-delete"
          />
        </div>
      )}
      <ErrorNotice error={remove.error} />
    </li>
  );
}
