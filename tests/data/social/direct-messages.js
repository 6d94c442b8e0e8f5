window.YTD.direct_messages.part0 = [
  {
    "dmConversation": {
      "conversationId": "1001-2002",
      "messages": [
        {
          "messageCreate": {
            "recipientId": "1001",
            "reactions": [],
            "urls": [],
            "text": "Wanneer wordt de Kerkstraat weer opengesteld?",
            "mediaUrls": [],
            "senderId": "2002",
            "id": "1767000000000000001",
            "createdAt": "2024-03-12T13:05:00.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "2002",
            "reactions": [],
            "urls": [],
            "text": "Naar verwachting volgende week vrijdag.",
            "mediaUrls": [],
            "senderId": "1001",
            "id": "1767000000000000002",
            "createdAt": "2024-03-12T14:00:00.000Z"
          }
        }
      ]
    }
  },
  {
    "dmConversation": {
      "conversationId": "1001-3003",
      "messages": [
        {
          "messageCreate": {
            "recipientId": "1001",
            "reactions": [],
            "urls": [],
            "text": "Mijn afvalpas is kwijt, mail me op m.dekker@example.org",
            "mediaUrls": [],
            "senderId": "3003",
            "id": "1767000000000000003",
            "createdAt": "2024-03-13T08:00:00.000Z"
          }
        }
      ]
    }
  }
]