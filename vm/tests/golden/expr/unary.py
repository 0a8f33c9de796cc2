print(-5, +5, ~5, -(-5), ~-1, -0.0, +True, -True, ~True)
