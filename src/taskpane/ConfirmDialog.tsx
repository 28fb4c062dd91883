/**
 * Asking the user inside the pane (Office add-ins cannot use window.confirm): `useConfirm`
 * returns an `ask(question)` promise and the dialog that answers it.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { useCallback, useState, type ReactElement } from "react";

export function useConfirm(): {
  ask: (question: string) => Promise<boolean>;
  dialog: ReactElement;
} {
  const [pending, setPending] = useState<{
    question: string;
    answer: (yes: boolean) => void;
  } | null>(null);
  const ask = useCallback(
    (question: string) => new Promise<boolean>((answer) => setPending({ question, answer })),
    [],
  );
  const close = (yes: boolean) => {
    pending?.answer(yes);
    setPending(null);
  };
  const dialog = (
    <Dialog open={pending !== null} onOpenChange={(_, data) => !data.open && close(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Overwrite cells?</DialogTitle>
          <DialogContent>{pending?.question}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => close(true)}>
              Overwrite
            </Button>
            <Button onClick={() => close(false)}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return { ask, dialog };
}
