None < None
