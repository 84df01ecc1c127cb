for attempt in range(3):
    try:
        result = fetch()
        break
    except TimeoutError:
        continue
    except Exception as err:
        last_error = err
    finally:
        attempts += 1
else:
    raise RuntimeError("gave up")
