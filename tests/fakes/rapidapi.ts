// A local fake of RapidAPI's gateway in front of the TikTok Scraper API (tiktok-scraper7) on
// 127.0.0.1: GET /feed/search with X-RapidAPI-Key / X-RapidAPI-Host, answering tikwm's
// {code, msg, processed_time, data: {videos, cursor, hasMore}}. Wrong key → 403 as RapidAPI
// answers; failNext(status) makes the next call answer 429 or 500 like the gateway does.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeVideo = {
  video_id: string;
  title: string;
  cover: string;
  play_count: number;
  digg_count: number;
  share_count: number;
};

export type FakeRapidApi = {
  url: string;
  key: string;
  host: string;
  requests: { path: string; query: Record<string, string>; key?: string; host?: string }[];
  /** The videos every search answers with (tests change the counts between runs). */
  videos: FakeVideo[];
  failNext(status: number, count?: number): void;
  close(): Promise<void>;
};

export async function startFakeRapidApi(): Promise<FakeRapidApi> {
  const key = "fake-rapidapi-key-0123456789";
  const host = "tiktok-scraper7.p.rapidapi.com";
  const requests: FakeRapidApi["requests"] = [];
  let failure: { status: number; count: number } | null = null;
  const state = { videos: [] as FakeVideo[] };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      key: req.headers["x-rapidapi-key"] as string | undefined,
      host: req.headers["x-rapidapi-host"] as string | undefined,
    });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers["x-rapidapi-key"] !== key) {
      return send(403, { message: "You are not subscribed to this API." });
    }
    if (failure && failure.count > 0) {
      failure.count -= 1;
      return send(
        failure.status,
        failure.status === 429
          ? {
              message:
                "You have exceeded the rate limit per second for your plan, BASIC, by the API provider",
            }
          : { message: "Internal Server Error" },
      );
    }
    if (req.method !== "GET" || url.pathname !== "/feed/search") {
      return send(404, { message: `Endpoint '${url.pathname}' does not exist` });
    }
    if (!url.searchParams.get("keywords")) {
      return send(200, { code: -1, msg: "keywords is required", processed_time: 0.01, data: null });
    }
    send(200, {
      code: 0,
      msg: "success",
      processed_time: 0.2,
      data: { videos: state.videos, cursor: state.videos.length, hasMore: false },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    key,
    host,
    requests,
    get videos() {
      return state.videos;
    },
    set videos(list) {
      state.videos = list;
    },
    failNext(status, count = 1) {
      failure = { status, count };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
