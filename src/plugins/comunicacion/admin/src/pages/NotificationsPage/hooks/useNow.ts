import * as React from 'react';

/** The current time, renewed every `intervalMs`, so «hace 5 minutos» does not go stale. */
export const useNow = (intervalMs = 60_000) => {
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
};
