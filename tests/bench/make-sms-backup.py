#!/usr/bin/env python3
# tests/bench/make-sms-backup.py — an SMS Backup & Restore XML file of any
# size for the import benchmark (never committed: it is made in /tmp)
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   make-sms-backup.py OUT [--sms N] [--mms M] [--image-mb K] [--seed S]
#   make-sms-backup.py /tmp/big.xml --size-gb 1      # M chosen to reach the size
#
# N text messages between the user and +1 555 010 2030 (Jordan Reyes, an
# invented person), then M picture messages with one K-MB image each (random
# bytes behind a JPEG header, base64 as the app writes it: one line) and a
# text part, written as a stream: the script never holds more than one image.
import argparse
import base64
import os
import random
import sys

HEADER = ("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
          "<!--File Created By SMS Backup & Restore v10.20.002 on 05/08/2024 21:14:05-->\n"
          "<?xml-stylesheet type=\"text/xsl\" href=\"sms.xsl\"?>\n"
          "<smses count=\"{count}\" backup_set=\"bench\" backup_date=\"1715224445000\" type=\"full\">\n")
SMS = ("  <sms protocol=\"0\" address=\"+15550102030\" date=\"{date}\" type=\"{type}\" subject=\"null\" "
       "body=\"Message {i}: the payment for this month &amp; the receipt\" toa=\"null\" sc_toa=\"null\" "
       "service_center=\"null\" read=\"1\" status=\"-1\" locked=\"0\" date_sent=\"0\" sub_id=\"1\" "
       "readable_date=\"Mar 5, 2024 6:46:40 AM\" contact_name=\"Jordan Reyes\" />\n")
MMS_OPEN = ("  <mms date=\"{date}\" rr=\"null\" sub=\"null\" ct_t=\"application/vnd.wap.multipart.related\" "
            "read_status=\"null\" seen=\"1\" msg_box=\"{box}\" address=\"+15550102030\" m_type=\"132\" "
            "readable_date=\"May 6, 2024 5:53:20 AM\" contact_name=\"Jordan Reyes\">\n    <parts>\n"
            "      <part seq=\"-1\" ct=\"application/smil\" name=\"null\" chset=\"null\" cd=\"null\" fn=\"null\" "
            "cid=\"&lt;smil&gt;\" cl=\"smil.xml\" ctt_s=\"null\" ctt_t=\"null\" text=\"&lt;smil&gt;&lt;/smil&gt;\" />\n"
            "      <part seq=\"0\" ct=\"image/jpeg\" name=\"IMG_{i}.jpg\" chset=\"null\" cd=\"null\" fn=\"null\" "
            "cid=\"&lt;IMG_{i}&gt;\" cl=\"IMG_{i}.jpg\" ctt_s=\"null\" ctt_t=\"null\" text=\"null\" data=\"")
MMS_CLOSE = ("\" />\n      <part seq=\"1\" ct=\"text/plain\" name=\"null\" chset=\"106\" cd=\"null\" fn=\"null\" "
             "cid=\"&lt;text_0&gt;\" cl=\"text_0.txt\" ctt_s=\"null\" ctt_t=\"null\" text=\"Receipt {i}\" />\n"
             "    </parts>\n    <addrs>\n      <addr address=\"+15550102030\" type=\"137\" charset=\"106\" />\n"
             "      <addr address=\"insert-address-token\" type=\"151\" charset=\"106\" />\n"
             "    </addrs>\n  </mms>\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--sms", type=int, default=20000)
    parser.add_argument("--mms", type=int, default=None)
    parser.add_argument("--image-mb", type=float, default=2.0)
    parser.add_argument("--size-gb", type=float, default=None)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    image_size = int(args.image_mb * 1000 * 1000)
    mms = args.mms
    if mms is None:
        target = int((args.size_gb or 0.1) * 1e9)
        mms = max(0, (target - args.sms * len(SMS)) // (image_size * 4 // 3 + len(MMS_OPEN) + len(MMS_CLOSE)))
    rand = random.Random(args.seed)
    start = 1700000000000
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(HEADER.format(count=args.sms + mms))
        for i in range(args.sms):
            out.write(SMS.format(date=start + i * 60000, type=1 + i % 2, i=i))
        for i in range(mms):
            image = b"\xff\xd8\xff\xe0" + rand.randbytes(image_size - 4)
            out.write(MMS_OPEN.format(date=start + (args.sms + i) * 60000, box=1, i=i))
            out.write(base64.b64encode(image).decode("ascii"))
            out.write(MMS_CLOSE.format(i=i))
        out.write("</smses>\n")
    print(f"{args.out}: {args.sms} sms, {mms} mms of {args.image_mb} MB, "
          f"{os.path.getsize(args.out) / 1e9:.2f} GB", file=sys.stderr)


if __name__ == "__main__":
    main()
