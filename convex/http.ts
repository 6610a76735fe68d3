// HTTP routes served on the deployment's "site" URL: webhooks from outside services.
import { httpRouter } from "convex/server";
import { webhook as stripeWebhook } from "./stripe";

const http = httpRouter();

http.route({ path: "/stripe/webhook", method: "POST", handler: stripeWebhook });

export default http;
