import { Col, Form, Input, Row, Select, type FormRule as Rule } from 'antd';
import { useTranslation } from 'react-i18next';
import { INSURANCE_TYPES, SEXES } from '../../../api/types';

/** The demographics fields, shared by registration and editing. Field names match the API's paths. */
export function PatientFormFields() {
  const { t } = useTranslation();
  const required: Rule = { required: true, whitespace: true, message: t('patientForm.required') };
  // An emergency contact is all or nothing: the server needs name, relationship and phone together.
  const contactRule: Rule = ({ getFieldValue }) => ({
    validator: async (_, value: unknown) => {
      const contact = getFieldValue('emergencyContact') as Record<string, string | undefined> | undefined;
      const anyGiven = Object.values(contact ?? {}).some((v) => v && v.trim() !== '');
      if (anyGiven && (typeof value !== 'string' || value.trim() === '')) {
        throw new Error(t('patientForm.contactIncomplete'));
      }
    },
  });

  const insuranceTypeRule: Rule = ({ getFieldValue }) => ({
    validator: async (_, value: unknown) => {
      const insurance = getFieldValue('insurance') as Record<string, string | undefined> | undefined;
      const anyGiven = Object.values(insurance ?? {}).some((v) => v && v.trim() !== '');
      if (anyGiven && !value) throw new Error(t('patientForm.required'));
    },
  });

  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={t('patientForm.name')} name="name" rules={[required]}>
            <Input maxLength={60} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            label={t('patientForm.sex')}
            name="sex"
            rules={[{ required: true, message: t('patientForm.required') }]}
          >
            <Select options={SEXES.map((sex) => ({ value: sex, label: t(`sex.${sex}`) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('patientForm.birthDate')} name="birthDate" rules={[required]}>
            <Input type="date" max={new Date().toISOString().slice(0, 10)} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={t('patientForm.nationalId')} name="nationalId">
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('patientForm.phone')} name="phone">
            <Input type="tel" maxLength={16} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <fieldset className="form-fieldset">
        <legend>{t('patientForm.address')}</legend>
        <Row gutter={16}>
          {(['province', 'city', 'district', 'postalCode'] as const).map((part) => (
            <Col span={6} key={part}>
              <Form.Item label={t(`patientForm.${part}`)} name={['address', part]}>
                <Input maxLength={part === 'postalCode' ? 12 : 40} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item label={t('patientForm.line')} name={['address', 'line']}>
          <Input maxLength={200} />
        </Form.Item>
      </fieldset>
      <fieldset className="form-fieldset">
        <legend>{t('patientForm.emergencyContact')}</legend>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              label={t('patientForm.contactName')}
              name={['emergencyContact', 'name']}
              rules={[contactRule]}
            >
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label={t('patientForm.contactRelationship')}
              name={['emergencyContact', 'relationship']}
              rules={[contactRule]}
            >
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label={t('patientForm.contactPhone')}
              name={['emergencyContact', 'phone']}
              rules={[contactRule]}
            >
              <Input type="tel" maxLength={16} />
            </Form.Item>
          </Col>
        </Row>
      </fieldset>
      <fieldset className="form-fieldset">
        <legend>{t('patientForm.insurance')}</legend>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              label={t('patientForm.insuranceType')}
              name={['insurance', 'type']}
              rules={[insuranceTypeRule]}
            >
              <Select
                allowClear
                options={INSURANCE_TYPES.map((type) => ({ value: type, label: t(`insuranceTypes.${type}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('patientForm.insuranceNumber')} name={['insurance', 'number']}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('patientForm.insuranceProvider')} name={['insurance', 'provider']}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
        </Row>
      </fieldset>
    </>
  );
}
