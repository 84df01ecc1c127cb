for v in [float('inf'), float('-inf'), float('nan')]:
    print(f"{v}", f"{v:.2f}", f"{v:e}", f"{v:10}", f"{v:+}", f"{v:%}", '%f' % v, f"{v:F}")
