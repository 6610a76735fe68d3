// Scheduled work. Discover's tick runs every few minutes and starts each store whose own
// refresh interval (Discover settings: 15 minutes to a day) is due.
import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

crons.interval("discover refresh", { minutes: 5 }, internal.discover.tick, {});

export default crons;
