# attack: raising KeyboardInterrupt does not reach the host
# expect: error KeyboardInterrupt
raise KeyboardInterrupt
