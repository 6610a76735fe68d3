import { api, type Id } from "../../../lib/api";
import { type ArgsWithoutStore, useStoreMutation, useStoreQuery } from "../../app/storeHooks";

export type FeedArgs = ArgsWithoutStore<typeof api.discover.feed>;

export const useFeed = (args: FeedArgs | "skip") => useStoreQuery(api.discover.feed, args);
export const useResearch = (trendId: string) =>
  useStoreQuery(api.discover.research, { trendId: trendId as Id<"trends"> });
export const useSetWatch = () => useStoreMutation(api.discover.setWatch);
export const useDismissAlert = () => useStoreMutation(api.discover.dismissAlert);
export const useSaveDiscoverSettings = () => useStoreMutation(api.discover.saveSettings);
export const useRefreshNow = () => useStoreMutation(api.discover.refreshNow);
