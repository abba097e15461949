import { Button, Tag } from 'antd-mobile';
import type { MedicationOrder } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { newIdempotencyKey } from '../../records/api/http.ts';
import { cancelOrder, fetchOrder, payOrder, startTaking } from '../api/pharmacy.api.ts';
import '../../medications/medications.css';

const yuan = (cents: number) => `¥${(cents / 100).toFixed(2)}`;

/** One order: its steps with their times, payment, and the courier's tracking timeline. */
/** Package units the formulary ships with, shown in the reader's language; others are shown as written. */
const KNOWN_UNITS = new Set(['tablet', 'capsule', 'sachet', 'dose']);

export function OrderPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const payKey = useRef(newIdempotencyKey());
  const query = useQuery({
    queryKey: ['pharmacy', 'order', id],
    queryFn: () => fetchOrder(id),
    // Payment and courier news arrive by callback: look again while something is on its way.
    refetchInterval: (q) =>
      ['created', 'paid', 'dispensed', 'shipped'].includes(q.state.data?.status ?? '') ? 3000 : false,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['pharmacy'] });
  const pay = useMutation({ mutationFn: () => payOrder(id, payKey.current), onSuccess: refresh });
  const cancel = useMutation({
    mutationFn: (o: MedicationOrder) => cancelOrder(o.id, o.version, t('pharmacy.order.cancelReason')),
    onSuccess: refresh,
  });
  const start = useMutation({ mutationFn: () => startTaking(id), onSuccess: refresh });
  const o = query.data;
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : null);
  const steps = o
    ? ([
        ['created', o.steps.created],
        ['paid', o.steps.paid],
        ['dispensed', o.steps.dispensed],
        ...(o.fulfilment === 'delivery'
          ? ([
              ['shipped', o.steps.shipped],
              ['delivered', o.steps.delivered],
            ] as const)
          : ([['picked_up', o.steps.pickedUp]] as const)),
        ...(o.steps.cancelled ? ([['cancelled', o.steps.cancelled]] as const) : []),
        ...(o.steps.refunded ? ([['refunded', o.steps.refunded]] as const) : []),
      ] as const)
    : [];
  return (
    <div className="page stack">
      <PageHeader title={t('pharmacy.orders.detail')} backTo="/pharmacy/prescriptions" />
      <ErrorNotice error={query.error ?? pay.error ?? cancel.error ?? start.error} />
      {query.isLoading && <Loading />}
      {o && (
        <>
          <section className="card" aria-labelledby="order-title">
            <div className="card-row">
              <h2 id="order-title">{t(`pharmacy.fulfilment.${o.fulfilment}`)}</h2>
              <Tag color="primary" data-testid="order-status">
                {t(`pharmacy.status.${o.status}`)}
              </Tag>
            </div>
            <ul className="plain-list">
              {o.items.map((i) => (
                <li key={i.id}>
                  {i.drugName} ×{i.quantity}{' '}
                  {i.packageUnit && KNOWN_UNITS.has(i.packageUnit)
                    ? t(`pharmacy.packageUnits.${i.packageUnit as 'tablet'}`)
                    : (i.packageUnit ?? '')}
                </li>
              ))}
            </ul>
            <p>
              <strong>{t('pharmacy.order.amount', { amount: yuan(o.amountCents) })}</strong>
            </p>
            {o.address && <p className="muted">{`${o.address.recipient} ${o.address.address}`}</p>}
            {o.cancelReason && (o.status === 'cancelled' || o.status === 'refunded') && (
              <p data-testid="order-cancel-reason">
                {t('pharmacy.order.cancelledBecause', { reason: o.cancelReason })}
              </p>
            )}
            {o.status === 'created' && (
              <Button
                color="primary"
                block
                size="large"
                loading={pay.isPending}
                onClick={() => pay.mutate()}
                data-testid="order-pay"
              >
                {t('pharmacy.order.pay', { amount: yuan(o.amountCents) })}
              </Button>
            )}
            {pay.data && o.status === 'created' && <p role="status">{t('pharmacy.order.paying')}</p>}
            {(o.status === 'created' || o.status === 'paid') && (
              <Button block fill="outline" loading={cancel.isPending} onClick={() => cancel.mutate(o)}>
                {t('pharmacy.order.cancel')}
              </Button>
            )}
            {(o.status === 'shipped' || (o.fulfilment === 'pickup' && o.status === 'dispensed')) && (
              <Button block size="large" loading={start.isPending} onClick={() => start.mutate()}>
                {t('pharmacy.order.start')}
              </Button>
            )}
          </section>
          <section className="card" aria-labelledby="steps-title">
            <h2 id="steps-title">{t('pharmacy.order.steps')}</h2>
            <ol className="timeline" data-testid="order-steps">
              {steps.map(([step, at]) => (
                <li key={step} className={at ? 'done' : 'pending'}>
                  <strong>{t(`pharmacy.status.${step}`)}</strong>
                  <br />
                  <span className="muted">{when(at) ?? t('pharmacy.order.notYet')}</span>
                </li>
              ))}
            </ol>
          </section>
          {o.shipment && (
            <section className="card" aria-labelledby="tracking-title" data-testid="tracking">
              <h2 id="tracking-title">{t('pharmacy.order.tracking', { no: o.shipment.trackingNo })}</h2>
              <ol className="timeline">
                {[...o.shipment.events].reverse().map((e, i) => (
                  <li key={`${e.occurredAt}-${i}`}>
                    <strong>{t(`pharmacy.shipment.${e.status}`)}</strong>
                    {e.location ? ` · ${e.location}` : ''}
                    <br />
                    <span className="muted">{when(e.occurredAt)}</span>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </>
      )}
    </div>
  );
}
