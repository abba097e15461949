import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import '../records.css';
import { EntrySection } from './EntrySection';
import { LifestyleSection } from './LifestyleSection';

/** The record by section: each a table with its provenance, editable by the care team. */
export function RecordSectionsTab({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="record-sections" aria-labelledby="sections-heading" data-testid="record-sections">
      <h2 id="sections-heading" className="visually-hidden">
        {t('record.tabs.sections')}
      </h2>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={12}>
          <EntrySection patientId={patientId} kind="conditions" canEdit={canEdit} />
        </Col>
        <Col xs={24} xxl={12}>
          <EntrySection patientId={patientId} kind="allergies" canEdit={canEdit} />
        </Col>
        <Col xs={24}>
          <EntrySection patientId={patientId} kind="medications" canEdit={canEdit} />
        </Col>
        <Col xs={24} xxl={12}>
          <EntrySection patientId={patientId} kind="procedures" canEdit={canEdit} />
        </Col>
        <Col xs={24} xxl={12}>
          <EntrySection patientId={patientId} kind="family-history" canEdit={canEdit} />
        </Col>
        <Col xs={24}>
          <EntrySection patientId={patientId} kind="encounters" canEdit={canEdit} />
        </Col>
        <Col xs={24}>
          <LifestyleSection patientId={patientId} canEdit={canEdit} />
        </Col>
      </Row>
    </section>
  );
}
