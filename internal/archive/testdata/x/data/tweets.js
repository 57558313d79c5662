window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1700000000000000001"
          ],
          "editableUntil" : "2023-09-08T10:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/nurse_rowan/status/1700000000000000001/photo/1",
            "indices" : [
              "44",
              "67"
            ],
            "url" : "https://t.co/Ab12Cd34Ef",
            "media_url_https" : "https://pbs.twimg.com/media/F5abc.jpg",
            "id_str" : "1700000000000000111",
            "type" : "photo",
            "display_url" : "pic.twitter.com/Ab12Cd34Ef"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "43"
      ],
      "favorite_count" : "3",
      "id_str" : "1700000000000000001",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1700000000000000001",
      "possibly_sensitive" : false,
      "created_at" : "Wed Oct 10 20:19:24 +0000 2018",
      "favorited" : false,
      "full_text" : "Night shift done &amp; dusted. Coffee &gt; sleep https://t.co/Ab12Cd34Ef",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Jo Quill",
            "screen_name" : "wardsister_jo",
            "indices" : [
              "0",
              "14"
            ],
            "id_str" : "900000000000000001",
            "id" : "900000000000000001"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "52"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1699999999999999999",
      "id_str" : "1700000000000000002",
      "in_reply_to_user_id" : "900000000000000001",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1700000000000000002",
      "in_reply_to_status_id" : "1699999999999999999",
      "created_at" : "Thu Oct 11 07:05:00 +0000 2018",
      "favorited" : false,
      "full_text" : "@wardsister_jo Thanks! See you on Ward 9 tomorrow &lt;3",
      "lang" : "en",
      "in_reply_to_screen_name" : "wardsister_jo",
      "in_reply_to_user_id_str" : "900000000000000001"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "web",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "60"
      ],
      "favorite_count" : "0",
      "id_str" : "1700000000000000003",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1700000000000000003",
      "created_at" : "Sat Feb 21 23:59:59 +0000 2026",
      "favorited" : false,
      "full_text" : "Rota’s out 🎉\nSwapping Tuesday if anyone wants it",
      "lang" : "en"
    }
  }
]