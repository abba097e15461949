import { CameraOutline, CloseOutline, PictureOutline } from 'antd-mobile-icons';
import { useEffect, useMemo, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/heic,.heic,.heif';
const MAX_PHOTOS = 9;

/** Photos to send once the consultation opens: from the camera or the gallery, each removable, shown small. */
export function PhotoPicker({ photos, onChange }: { photos: File[]; onChange: (photos: File[]) => void }) {
  const { t } = useTranslation();
  const urls = useMemo(() => photos.map((p) => URL.createObjectURL(p)), [photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);

  function add(event: ChangeEvent<HTMLInputElement>) {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    onChange([...photos, ...chosen].slice(0, MAX_PHOTOS));
  }

  return (
    <fieldset className="choice-group consult-photos">
      <legend>{t('consult.new.photos')}</legend>
      <p className="muted consult-photos-hint">{t('consult.new.photosHint')}</p>
      {photos.length > 0 && (
        <ul className="consult-thumbs">
          {photos.map((p, i) => (
            <li key={urls[i]}>
              <img src={urls[i]} alt={p.name} />
              <button
                type="button"
                className="consult-thumb-remove"
                aria-label={t('consult.new.removePhoto', { name: p.name })}
                onClick={() => onChange(photos.filter((_, j) => j !== i))}
              >
                <CloseOutline aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions consult-photo-actions">
        <label className="file-button">
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="sr-only"
            onChange={add}
            data-testid="consult-photo-camera"
          />
          <CameraOutline aria-hidden="true" /> {t('consult.chat.camera')}
        </label>
        <label className="file-button">
          <input
            type="file"
            accept={IMAGE_TYPES}
            multiple
            className="sr-only"
            onChange={add}
            data-testid="consult-photo-file"
          />
          <PictureOutline aria-hidden="true" /> {t('consult.chat.photo')}
        </label>
      </div>
    </fieldset>
  );
}
