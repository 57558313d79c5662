window.YTD.note_tweet.part0 = [
  {
    "noteTweet" : {
      "noteTweetId" : "1700000000000000099",
      "updatedAt" : "2023-10-13T14:58:50.000Z",
      "lifecycle" : {
        "value" : "1",
        "name" : "Active",
        "originalName" : "Active",
        "annotations" : {}
      },
      "createdAt" : "2023-10-13T14:58:50.000Z",
      "core" : {
        "styletags" : [],
        "urls" : [],
        "text" : "A long one about handover:\n\nWrite it down & say it out loud >> assume they know.",
        "mentions" : [],
        "cashtags" : [],
        "hashtags" : []
      }
    }
  }
]