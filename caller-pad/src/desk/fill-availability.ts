import { useEffect, useState } from 'preact/hooks';

/**
 * "Fill business system" needs the desktop bridge's operation on the server. The pad looks it up in the API
 * description once, so on a hall without the bridge the button says so instead of failing when pressed.
 */
export function useFillAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    void fetch('/openapi.json')
      .then((r) => (r.ok ? r.text() : ''))
      .then((text) => setAvailable(text.includes('"operationId":"fillBusinessSystem"')))
      .catch(() => setAvailable(false));
  }, []);
  return available;
}
