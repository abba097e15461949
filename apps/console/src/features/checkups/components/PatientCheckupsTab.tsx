import { useSearchParams } from 'react-router';
import '../checkups.css';
import { CheckupReportList } from './CheckupReportList';
import { CheckupReportView } from './CheckupReportView';

/** The patient page's checkups tab: the reports, or one report when the URL names it (?report=<id>). */
export function PatientCheckupsTab({ patientId }: { patientId: string }) {
  const [params, setParams] = useSearchParams();
  const reportId = params.get('report');

  function show(id: string | null) {
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      if (id) out.set('report', id);
      else out.delete('report');
      return out;
    });
  }

  return reportId ? (
    <CheckupReportView patientId={patientId} reportId={reportId} onBack={() => show(null)} />
  ) : (
    <CheckupReportList patientId={patientId} onOpen={(id) => show(id)} />
  );
}
