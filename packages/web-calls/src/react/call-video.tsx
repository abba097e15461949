import { useEffect, useRef } from 'react';

interface CallVideoProps {
  stream: MediaStream | null;
  label: string;
  /** The local preview: never played back (no echo), shown mirrored like a mirror. */
  local?: boolean;
  className?: string;
  testId?: string;
}

/** A <video> bound to a MediaStream (React cannot set srcObject as an attribute). */
export function CallVideo({ stream, label, local = false, className, testId }: CallVideoProps) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video || video.srcObject === stream) return;
    video.srcObject = stream;
    if (stream) void video.play().catch(() => undefined);
  }, [stream]);
  return (
    <video
      ref={ref}
      className={`${className ?? ''}${local ? ' call-video-local' : ''}`}
      autoPlay
      playsInline
      muted={local}
      aria-label={label}
      data-testid={testId}
    />
  );
}
