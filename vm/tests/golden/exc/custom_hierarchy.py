class AppError(Exception):
    pass
class DbError(AppError):
    pass
try:
    raise DbError("conn")
except AppError as e:
    print("caught", type(e).__name__, e)
try:
    raise AppError
except DbError:
    print("wrong")
except AppError:
    print("right")
