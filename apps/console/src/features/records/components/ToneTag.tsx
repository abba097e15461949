import { Tag } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd's preset tag colours put light text on light backgrounds (green 3.4:1, gold 2.8:1), under the 4.5:1 that
 * small text needs; these tones keep the hue with darker text (records.css, .tone-tag--*).
 */
export type Tone =
  'blue' | 'cyan' | 'purple' | 'gold' | 'green' | 'red' | 'orange' | 'magenta' | 'geekblue' | 'default';

export function ToneTag({
  tone,
  children,
  className,
  ...rest
}: {
  tone: Tone;
  children: ReactNode;
  className?: string;
  'data-source'?: string;
}) {
  return (
    <Tag className={`tone-tag tone-tag--${tone}${className ? ` ${className}` : ''}`} {...rest}>
      {children}
    </Tag>
  );
}
