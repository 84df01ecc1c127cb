total = (1 +
         2 +
         None)
