import gc
gc.collect()
print(gc.mem_free() > 0, gc.mem_alloc() > 0, gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
