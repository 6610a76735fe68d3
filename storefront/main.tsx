import { ConvexProvider } from "convex/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { getConvexClient } from "../lib/convexClient";
import { App } from "./App";
import "./styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ConvexProvider client={getConvexClient()}>
      <App />
    </ConvexProvider>
  </StrictMode>,
);
