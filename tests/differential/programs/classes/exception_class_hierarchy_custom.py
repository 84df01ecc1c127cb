class AppError(Exception):
    code = 500
class ClientError(AppError):
    code = 400
class NotFound(ClientError):
    code = 404
for exc in [NotFound('page'), ClientError('bad'), AppError('boom'), ValueError('other')]:
    try:
        raise exc
    except ClientError as e:
        print('client', e.code, e)
    except AppError as e:
        print('app', e.code, e)
    except Exception as e:
        print('generic', type(e).__name__, e)
