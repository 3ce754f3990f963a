/** Which agents have the console open now (counted by their live event streams). */
export class AgentPresence {
  private readonly connections = new Map<string, number>();

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
    return this.connections.size;
  }

  /** The agents online now. */
  onlineIds(): string[] {
    return [...this.connections.keys()];
  }

  isOnline(agentId: string): boolean {
    return this.connections.has(agentId);
  }
}
