import { Button } from 'antd-mobile';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { newIdempotencyKey } from '../../records/api/http.ts';
import { useRecordPatient } from '../../records/hooks/useRecordPatient.ts';
import { addAddress, fetchAddresses, placeOrder } from '../api/pharmacy.api.ts';
import '../../medications/medications.css';

/** Order an approved prescription: pick it up at the pharmacy, or have it delivered to an address of the book. */
export function OrderNewPage() {
  const { t } = useTranslation();
  const { prescriptionId = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { patientId } = useRecordPatient();
  const key = useRef(newIdempotencyKey());
  const ids = { recipient: useId(), phone: useId(), address: useId() };
  const [fulfilment, setFulfilment] = useState<'pickup' | 'delivery'>('delivery');
  const [addressId, setAddressId] = useState<string | null>(null);
  const [draft, setDraft] = useState({ recipient: '', phone: '', address: '' });
  const addresses = useQuery({
    queryKey: ['pharmacy', 'addresses', patientId],
    queryFn: () => fetchAddresses(patientId!),
    enabled: patientId !== undefined,
  });
  const chosen = addressId ?? addresses.data?.items[0]?.id ?? null;
  const add = useMutation({
    mutationFn: () => addAddress(patientId!, draft),
    onSuccess: async (a) => {
      setAddressId(a.id);
      setDraft({ recipient: '', phone: '', address: '' });
      await client.invalidateQueries({ queryKey: ['pharmacy', 'addresses'] });
    },
  });
  const order = useMutation({
    mutationFn: () =>
      placeOrder(
        patientId!,
        { prescriptionId, fulfilment, ...(fulfilment === 'delivery' && chosen ? { addressId: chosen } : {}) },
        key.current,
      ),
    onSuccess: async (o) => {
      await client.invalidateQueries({ queryKey: ['pharmacy'] });
      void navigate(`/pharmacy/orders/${o.id}`, { replace: true });
    },
  });
  return (
    <div className="page stack">
      <PageHeader title={t('pharmacy.order.title')} backTo="/pharmacy/prescriptions" />
      <fieldset className="card skip-reasons">
        <legend>{t('pharmacy.order.how')}</legend>
        <div className="seg">
          {(['delivery', 'pickup'] as const).map((f) => (
            <Button
              key={f}
              size="large"
              color={f === fulfilment ? 'primary' : 'default'}
              aria-pressed={f === fulfilment}
              onClick={() => setFulfilment(f)}
              data-testid={`fulfilment-${f}`}
            >
              {t(`pharmacy.fulfilment.${f}`)}
            </Button>
          ))}
        </div>
      </fieldset>
      {fulfilment === 'delivery' && (
        <section className="card" aria-labelledby="address-title">
          <h2 id="address-title">{t('pharmacy.order.address')}</h2>
          {addresses.isLoading && <Loading />}
          <div role="radiogroup" aria-labelledby="address-title" className="stack">
            {addresses.data?.items.map((a) => (
              <label key={a.id} className="choice">
                <input
                  type="radio"
                  name="address"
                  checked={chosen === a.id}
                  onChange={() => setAddressId(a.id)}
                />
                <span>
                  {a.recipient} {a.phone}
                  <br />
                  <span className="muted">{a.address}</span>
                </span>
              </label>
            ))}
          </div>
          <h3>{t('pharmacy.order.newAddress')}</h3>
          <ErrorNotice error={add.error} />
          {(
            [
              ['recipient', ids.recipient, 'name'],
              ['phone', ids.phone, 'tel'],
              ['address', ids.address, 'street-address'],
            ] as const
          ).map(([field, id, auto]) => (
            <div className="field" key={field}>
              <label className="field-label" htmlFor={id}>
                {t(`pharmacy.order.${field}`)}
              </label>
              <input
                id={id}
                className="field-input"
                autoComplete={auto}
                value={draft[field]}
                onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
                data-testid={`address-${field}`}
              />
            </div>
          ))}
          <Button
            block
            loading={add.isPending}
            disabled={!draft.recipient || !draft.phone || !draft.address}
            onClick={() => add.mutate()}
            data-testid="address-save"
          >
            {t('pharmacy.order.saveAddress')}
          </Button>
        </section>
      )}
      <ErrorNotice error={order.error} />
      <Button
        color="primary"
        block
        size="large"
        loading={order.isPending}
        disabled={fulfilment === 'delivery' && !chosen}
        onClick={() => order.mutate()}
        data-testid="order-submit"
      >
        {t('pharmacy.order.submit')}
      </Button>
    </div>
  );
}
