import { Button, Tag } from 'antd-mobile';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useRecordPatient } from '../../records/hooks/useRecordPatient.ts';
import { fetchOrders, fetchPrescriptions, requestRefill } from '../api/pharmacy.api.ts';
import { Notice } from '../../../ui/Notice.tsx';
import '../../medications/medications.css';

/** My prescriptions (approved ones can be ordered) and my medication orders. */
export function PrescriptionsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { patientId, canEdit } = useRecordPatient();
  const prescriptions = useQuery({
    queryKey: ['pharmacy', 'prescriptions', patientId],
    queryFn: () => fetchPrescriptions(patientId!),
    enabled: patientId !== undefined,
  });
  const orders = useQuery({
    queryKey: ['pharmacy', 'orders', patientId],
    queryFn: () => fetchOrders(patientId!),
    enabled: patientId !== undefined,
  });
  const refill = useMutation({
    mutationFn: (prescriptionId: string) => requestRefill(patientId!, prescriptionId),
  });
  const live = new Set(
    (orders.data?.items ?? [])
      .filter((o) => !['cancelled', 'refunded'].includes(o.status))
      .map((o) => o.prescriptionId),
  );
  return (
    <div className="page stack">
      <PageHeader title={t('pharmacy.prescriptions.title')} backTo="/services" />
      <ErrorNotice error={prescriptions.error ?? orders.error ?? refill.error} />
      {refill.isSuccess && <Notice tone="success">{t('pharmacy.prescriptions.refillSent')}</Notice>}
      {(prescriptions.isLoading || orders.isLoading) && <Loading />}
      {orders.data && orders.data.items.length > 0 && (
        <section className="card" aria-labelledby="orders-title">
          <h2 id="orders-title">{t('pharmacy.orders.title')}</h2>
          <ul className="plain-list">
            {orders.data.items.map((o) => (
              <li key={o.id} className="card-row">
                <Link
                  to={`/pharmacy/orders/${o.id}`}
                  className="text-link"
                  data-testid={`order-link-${o.id}`}
                >
                  {o.items.map((i) => i.drugName).join(t('common.listSeparator'))}
                </Link>
                <Tag color={o.status === 'delivered' || o.status === 'picked_up' ? 'success' : 'primary'}>
                  {t(`pharmacy.status.${o.status}`)}
                </Tag>
              </li>
            ))}
          </ul>
        </section>
      )}
      {prescriptions.data && prescriptions.data.items.length === 0 && (
        <EmptyState title={t('pharmacy.prescriptions.empty')} />
      )}
      {prescriptions.data?.items.map((p) => (
        <section key={p.id} className="card" aria-labelledby={`rx-${p.id}`} data-testid={`rx-${p.id}`}>
          <div className="card-row">
            <h2 id={`rx-${p.id}`}>{t('pharmacy.prescriptions.by', { doctor: p.prescriber.name })}</h2>
            <Tag color={p.status === 'approved' ? 'success' : 'default'}>
              {t(`pharmacy.rxStatus.${p.status}`)}
            </Tag>
          </div>
          <p className="muted">
            {new Date(p.signedAt).toLocaleDateString(i18n.language)}
            {p.diagnosis ? ` · ${p.diagnosis}` : ''}
            {p.longTerm ? ` · ${t('pharmacy.prescriptions.longTerm')}` : ''}
          </p>
          <ul className="plain-list">
            {p.items.map((item) => (
              <li key={item.id}>
                <strong>{item.drugName}</strong> · {item.plainText} · ×{item.quantity}
              </li>
            ))}
          </ul>
          {canEdit && p.status === 'approved' && !live.has(p.id) && (
            <Button
              color="primary"
              block
              size="large"
              onClick={() => void navigate(`/pharmacy/prescriptions/${p.id}/order`)}
              data-testid={`order-${p.id}`}
            >
              {t('pharmacy.prescriptions.order')}
            </Button>
          )}
          {canEdit && p.longTerm && live.has(p.id) && ['approved', 'completed'].includes(p.status) && (
            <Button block size="large" loading={refill.isPending} onClick={() => refill.mutate(p.id)}>
              {t('pharmacy.prescriptions.refill')}
            </Button>
          )}
        </section>
      ))}
    </div>
  );
}
