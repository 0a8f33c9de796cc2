1 < None
