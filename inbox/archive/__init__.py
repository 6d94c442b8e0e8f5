"""Records: Selectielijst retention, destruction lists with a verklaring, MDTO archive export."""
