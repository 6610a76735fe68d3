import { useCallback } from "react";
import { moveRefusal } from "../../../../convex/model/orderRules";
import type { OrderStatus } from "../../../../convex/model/validators";
import type { Doc } from "../../../../lib/api";
import { api } from "../../../../lib/api";
import { useStoreMutation } from "../../../app/storeHooks";
import { useToast } from "../../../components/Toast";
import { explainError } from "../../../lib/errors";

export type Shipment = { trackingNumber: string; carrier?: string };

/**
 * Moves a card: the rule is checked here first so an illegal drop snaps back at once with its
 * reason, then the server checks it again (with the status this screen saw, so a move someone
 * else made first comes back as "Ana already moved #1042 to shipped"). Resolves true on success.
 */
export function useMoveOrder() {
  const move = useStoreMutation(api.orders.move);
  const toast = useToast();
  return useCallback(
    async (order: Doc<"orders">, to: OrderStatus, shipment?: Shipment): Promise<boolean> => {
      if (order.status === to) return false;
      // The board only knows tracking numbers that come with the move (the dialog's).
      const refusal = moveRefusal({
        from: order.status,
        to,
        hasTracking: shipment !== undefined || to !== "shipped",
      });
      if (refusal !== null) {
        toast(`#${order.number} stays ${order.status}: ${refusal}`);
        return false;
      }
      try {
        await move({ orderId: order._id, from: order.status, to, shipment });
        return true;
      } catch (error) {
        toast(`#${order.number} was not moved: ${explainError(error).message}`);
        return false;
      }
    },
    [move, toast],
  );
}
