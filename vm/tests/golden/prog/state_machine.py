transitions = {("idle", "start"): "running", ("running", "pause"): "paused", ("paused", "start"): "running", ("running", "stop"): "idle"}
state = "idle"
for ev in ["start", "pause", "start", "stop", "pause"]:
    new = transitions.get((state, ev))
    if new is None:
        print("ignored", ev, "in", state)
    else:
        print(state, "->", new)
        state = new
