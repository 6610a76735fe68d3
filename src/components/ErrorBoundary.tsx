import { Component, type ReactNode } from "react";
import { ErrorPanel } from "./ErrorPanel";

/**
 * The last net for one page: a render bug or a page chunk that fails to load (the store hooks
 * return query failures as values, so pages show those themselves). The rest of the shell
 * keeps working; `resetKey` (e.g. the path) clears it on navigation.
 */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey?: string },
  { error: unknown; key?: string }
> {
  state: { error: unknown; key?: string } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(
    props: { resetKey?: string },
    state: { error: unknown; key?: string },
  ) {
    if (props.resetKey !== state.key) return { error: null, key: props.resetKey };
    return null;
  }

  render() {
    if (this.state.error) {
      return <ErrorPanel error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}
