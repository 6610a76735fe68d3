import { api, type Id } from "../../../lib/api";
import { useStoreMutation, useStorePaginatedQuery, useStoreQuery } from "../../app/storeHooks";

/** Products with their suggested price and reasoning (needs "costs.view"). */
export function useSuggestions() {
  return useStorePaginatedQuery(api.pricing.suggestions, {}, 25);
}

export const useApplySuggested = () => useStoreMutation(api.pricing.applySuggested);

export const useCoupons = () => useStoreQuery(api.coupons.list, {});
export const useCreateCoupon = () => useStoreMutation(api.coupons.create);
export const useUpdateCoupon = () => useStoreMutation(api.coupons.update);
export const useSetCouponActive = () => useStoreMutation(api.coupons.setActive);

export const usePriceTests = () => useStoreQuery(api.priceTests.list, {});
export const usePriceTest = (testId: string) =>
  useStoreQuery(api.priceTests.get, { testId: testId as Id<"priceTests"> });
export const useCreatePriceTest = () => useStoreMutation(api.priceTests.create);
export const useStartPriceTest = () => useStoreMutation(api.priceTests.start);
export const useStopPriceTest = () => useStoreMutation(api.priceTests.stop);
export const useApplyWinner = () => useStoreMutation(api.priceTests.applyWinner);
