// TikTok through RapidAPI: the "TikTok Scraper" API (tikwm, host tiktok-scraper7.p.rapidapi.com),
// GET /feed/search?keywords=…&region=…&count=…&cursor=0&publish_time=0&sort_type=0 with the
// X-RapidAPI-Key and X-RapidAPI-Host headers. It answers {code, msg, data: {videos: [...]}} with
// code 0 on success; each video has video_id, title, cover, play_count, digg_count, share_count.
// RapidAPI's gateway answers 429 when the plan's quota is spent and 401/403 for a bad key.
// Set RAPIDAPI_KEY to use it (RAPIDAPI_HOST to pick another host, RAPIDAPI_BASE_URL for the
// tests' fake); without a key Discover runs on the bundled demo data (model/discover/simulate.ts).
import type { Observation } from "./model/discover/simulate";

export const RAPIDAPI_DEFAULT_HOST = "tiktok-scraper7.p.rapidapi.com";

export type RapidApiConfig = { key: string; host: string; base: string };

export function rapidApiConfigFromEnv(): RapidApiConfig | null {
  const key = process.env.RAPIDAPI_KEY?.trim();
  if (!key) return null;
  const host = process.env.RAPIDAPI_HOST?.trim() || RAPIDAPI_DEFAULT_HOST;
  const base = (process.env.RAPIDAPI_BASE_URL?.trim() || `https://${host}`).replace(/\/+$/, "");
  return { key, host, base };
}

// What we search for, and the category each search's products are filed under.
export const TREND_QUERIES: { keywords: string; category: string }[] = [
  { keywords: "tiktok made me buy it home", category: "Home & Kitchen" },
  { keywords: "tiktok made me buy it beauty", category: "Beauty" },
  { keywords: "tiktok made me buy it gadget", category: "Tech Accessories" },
];

export class RapidApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

type Video = {
  video_id?: string;
  id?: string;
  title?: string;
  cover?: string;
  origin_cover?: string;
  play_count?: number;
  digg_count?: number;
  share_count?: number;
};
type SearchAnswer = { code?: number; msg?: string; data?: { videos?: Video[] } };

function explainStatus(status: number, message: string): RapidApiError {
  if (status === 429) {
    return new RapidApiError(
      `RapidAPI is limiting requests (429): ${message || "quota spent"}. The feed was not changed; it tries again at the next refresh.`,
      status,
    );
  }
  if (status === 401 || status === 403) {
    return new RapidApiError(
      `RapidAPI refused the key (${status}): ${message}. Check RAPIDAPI_KEY and that the key is subscribed to ${RAPIDAPI_DEFAULT_HOST}.`,
      status,
    );
  }
  return new RapidApiError(
    `RapidAPI answered ${status}${message ? `: ${message}` : ""}. The feed was not changed; it tries again at the next refresh.`,
    status,
  );
}

/** One search: the videos TikTok shows for the keywords, as trend observations. */
export async function searchTrending(
  config: RapidApiConfig,
  query: { keywords: string; category: string },
  count = 20,
): Promise<Observation[]> {
  const params = new URLSearchParams({
    keywords: query.keywords,
    region: "us",
    count: String(count),
    cursor: "0",
    publish_time: "0",
    sort_type: "0",
  });
  let response: Response;
  try {
    response = await fetch(`${config.base}/feed/search?${params}`, {
      headers: { "X-RapidAPI-Key": config.key, "X-RapidAPI-Host": config.host },
    });
  } catch (error) {
    throw new RapidApiError(`Could not reach RapidAPI: ${String(error)}`, 0);
  }
  const text = await response.text();
  let body: SearchAnswer & { message?: string } = {};
  try {
    body = text === "" ? {} : JSON.parse(text);
  } catch {
    // A gateway error page: keep the status.
  }
  if (!response.ok) throw explainStatus(response.status, body.message ?? body.msg ?? "");
  if (body.code !== 0 || !Array.isArray(body.data?.videos)) {
    throw new RapidApiError(
      `TikTok search failed: ${body.msg ?? "unexpected answer"}.`,
      response.status,
    );
  }
  return body.data.videos.flatMap((video) => {
    const id = video.video_id ?? video.id;
    if (!id) return [];
    const title = (video.title ?? "").replace(/#\S+/g, "").replace(/\s+/g, " ").trim();
    return [
      {
        externalId: String(id),
        title: (title || `TikTok video ${id}`).slice(0, 80),
        category: query.category,
        imageUrl: video.cover ?? video.origin_cover,
        views: Math.max(0, Math.round(video.play_count ?? 0)),
        likes: Math.max(0, Math.round(video.digg_count ?? 0)),
        shares: Math.max(0, Math.round(video.share_count ?? 0)),
      },
    ];
  });
}

/** Every query's results, or the first error (so a failed run writes nothing). */
export async function fetchTrending(config: RapidApiConfig): Promise<Observation[]> {
  const all: Observation[] = [];
  for (const query of TREND_QUERIES) all.push(...(await searchTrending(config, query)));
  return all;
}
