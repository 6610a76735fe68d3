import { type ReactNode, useEffect, useId, useRef } from "react";

const PLACEMENT = {
  center: "w-[calc(100%-2rem)] max-w-md rounded-xl",
  // A panel along the right edge, full height; the page stays visible (dimmed) beside it.
  right: "m-0 ml-auto h-full max-h-none w-full max-w-md rounded-none sm:rounded-l-xl",
} as const;

/**
 * A modal <dialog>: the browser keeps focus inside, makes the page behind inert and closes it
 * on Escape. It opens on mount; `onClose` runs however it closes, so the owner unmounts it.
 */
function ModalPanel({
  title,
  description,
  onClose,
  children,
  placement,
}: {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  placement: keyof typeof PLACEMENT;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      className={`p-0 shadow-xl backdrop:bg-gray-900/40 ${PLACEMENT[placement]}`}
    >
      <div className="p-6">
        <h2 id={titleId} className="text-lg font-semibold text-gray-900">
          {title}
        </h2>
        {description && <div className="text-sm text-gray-500">{description}</div>}
        {children}
      </div>
    </dialog>
  );
}

type PanelProps = Omit<Parameters<typeof ModalPanel>[0], "placement">;

/** A centred modal dialog (quick edit, confirmations). */
export function Dialog(props: PanelProps) {
  return <ModalPanel {...props} placement="center" />;
}

/** The same modal dialog as a side panel, for longer forms that keep the list in sight. */
export function Drawer(props: PanelProps) {
  return <ModalPanel {...props} placement="right" />;
}
