import errno
print(errno.ENOENT, errno.EEXIST, errno.EINVAL, errno.errorcode[errno.ENOENT])
