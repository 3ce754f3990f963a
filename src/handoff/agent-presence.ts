/**
 * Which agents have the console open now (counted by their live event streams) and have
 * not set themselves away: only they count as available (hand-off replies, auto-assign,
 * the transfer list).
 */
export class AgentPresence {
  private readonly connections = new Map<string, number>();
  private readonly away = new Set<string>();

  /** Sets the agent away (not given conversations, not counted as available) or back. */
  setAway(agentId: string, away: boolean): void {
    if (away) this.away.add(agentId);
    else this.away.delete(agentId);
  }

  isAway(agentId: string): boolean {
    return this.away.has(agentId);
  }

  /** Marks the agent online until the returned function is called. */
  connect(agentId: string): () => void {
    this.connections.set(agentId, (this.connections.get(agentId) ?? 0) + 1);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      const left = (this.connections.get(agentId) ?? 1) - 1;
      if (left > 0) this.connections.set(agentId, left);
      else this.connections.delete(agentId);
    };
  }

  get onlineCount(): number {
    return this.onlineIds().length;
  }

  /** The agents online now (console open, not away). */
  onlineIds(): string[] {
    return [...this.connections.keys()].filter((agentId) => !this.away.has(agentId));
  }

  isOnline(agentId: string): boolean {
    return this.connections.has(agentId) && !this.away.has(agentId);
  }
}
