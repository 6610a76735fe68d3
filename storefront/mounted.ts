import { useEffect, useState } from "react";

/** False on the server and in the first browser render: what only the browser knows waits. */
export function useMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}
